/**
 * A C prototype string read by the type checker, so that the string koffi
 * binds is also the one TypeScript checks calls against:
 *
 *   'long read(int fd, _Out_ void *buf, size_t count)'
 *     → (...args: [fd: number, buf: Bytes | Pointer, count: number]) => number
 *
 * (without the names: the checker cannot label tuple elements from a
 * string, so hovers show `[number, bigint | Bytes, number]`; the prototype
 * in the table has them).
 *
 * What a C type becomes, both ways, is what koffi 3.3.4 does (measured):
 *
 *   C                                  argument               result
 *   int, uint32_t, long, size_t, …     number                 number ¹
 *   int64_t, uint64_t, long long       number | bigint        number | bigint
 *   char * (const or not) ²            string                 string | null
 *   any other T * (void *, int *, …)   Bytes | Pointer        Pointer | null
 *   _In_opt_ / _Out_opt_ / _Inout_opt_ … | null               —
 *   void                               —                      void
 *
 * ¹ koffi hands a 64-bit result over as a number while it fits in 2^53, as
 *   a BigInt beyond. `long`, `size_t`, `intptr_t` are what syscalls return
 *   byte counts, fds and -1 in, which always fit: typed `number`. Declare a
 *   result that may need all 64 bits as `int64_t`/`uint64_t`, and the caller
 *   has to handle the BigInt.
 * ² a NUL-terminated string koffi converts; a buffer the callee fills
 *   (getcwd's, readlink's) is declared `_Out_ void *`.
 *
 * A pointer result is a BigInt, or null for NULL; a pointer argument takes a
 * buffer (its bytes, in place) or a pointer koffi gave us. koffi would also
 * take a number as an address — the commonest way to crash through it —
 * which is why a number is refused here. NULL is refused too unless the
 * parameter says it may be NULL with SAL's `_opt_` markers (`_In_opt_`,
 * `_Out_opt_`, `_Inout_opt_`); koffi knows only `_In_`/`_Out_`/`_Inout_`,
 * so ffi.ts drops the `opt_` before handing it the string.
 *
 * Parameters must be named (`int fd`, not `int`): the name is how the
 * reader tells a type from its declarator. A prototype the reader does not
 * understand, or a C type it does not know, fails the table's
 * declaration with a message saying which, instead of typing as `never`.
 */

/** An address koffi gave us: an opaque BigInt. Never make one up. */
export type Pointer = bigint;

/**
 * Memory native code reads or writes in place: a Uint8Array (a Buffer, or a
 * view of another typed array's bytes). Bytes only, so that a count taken
 * from `.length` is a byte count.
 */
export type Bytes = Uint8Array;

/** The C integer and float types koffi knows, and what they are in JS. */
interface Scalars {
  char: number;
  'unsigned char': number;
  short: number;
  'unsigned short': number;
  int: number;
  'unsigned int': number;
  long: number;
  'unsigned long': number;
  int8_t: number;
  uint8_t: number;
  int16_t: number;
  uint16_t: number;
  int32_t: number;
  uint32_t: number;
  intptr_t: number;
  uintptr_t: number;
  size_t: number;
  int64_t: number | bigint;
  uint64_t: number | bigint;
  'long long': number | bigint;
  'unsigned long long': number | bigint;
  float: number;
  double: number;
}

declare const failure: unique symbol;
/** Why a prototype does not read; shown in the table's type error. */
interface Failure<Why extends string> {
  readonly [failure]: Why;
}

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

type Opt = '_In_opt_' | '_Out_opt_' | '_Inout_opt_';

/** Drop SAL direction markers and `const`: koffi reads them, the JS type does not change. */
type Unqualified<S extends string> = S extends `${'_In_' | '_Out_' | '_Inout_' | Opt | 'const'} ${infer R}` ? Unqualified<Trim<R>> : S;

/** Whether a parameter may be NULL: it carries an `_opt_` marker. */
type Optional<S extends string> = S extends `${string}${Opt} ${string}` ? true : false;

/** 'unsigned int size' → ['unsigned int', 'size']: the last word is the name. */
type SplitName<S extends string, Type extends string = ''> = S extends `${infer W} ${infer Rest}`
  ? SplitName<Trim<Rest>, Type extends '' ? W : `${Type} ${W}`>
  : [Type, S];

/** One declarator, `type name` or `type *name`. */
type Declarator<S extends string> =
  Unqualified<Trim<S>> extends `${infer Base}*${infer Name}`
    ? { type: Name extends `${string}*${string}` ? 'void *' : `${Unqualified<Trim<Base>>} *`; name: Trim<Name> }
    : SplitName<Unqualified<Trim<S>>> extends [infer Type extends string, infer Name extends string]
      ? { type: Type; name: Name }
      : never;

type Known<T extends string> = T extends keyof Scalars
  ? true
  : T extends `${infer Base} *`
    ? Base extends keyof Scalars | 'void'
      ? true
      : false
    : false;

type ArgType<T extends string, S extends string> = T extends keyof Scalars
  ? Optional<S> extends true
    ? Failure<`'${Trim<S>}' is not a pointer: it cannot be _opt_`>
    : Scalars[T]
  : (T extends 'char *' ? string : Bytes | Pointer) | (Optional<S> extends true ? null : never);

type Arg<S extends string> =
  Declarator<S> extends { type: infer T extends string; name: infer N extends string }
    ? [T, N] extends ['', string] | [string, '']
      ? Failure<`parameter '${Trim<S>}' needs a name`>
      : Known<T> extends true
        ? ArgType<T, S>
        : Failure<`unknown C type '${T}' in '${Trim<S>}'`>
    : Failure<`cannot read parameter '${S}'`>;

type Result<T extends string> = T extends 'void'
  ? void
  : T extends keyof Scalars
    ? Scalars[T]
    : T extends 'char *'
      ? string | null
      : Known<T> extends true
        ? Pointer | null
        : Failure<`unknown C result type '${T}'`>;

type Args<S extends string> = Trim<S> extends '' | 'void' ? [] : SplitArgs<S>;
type SplitArgs<S extends string> = S extends `${infer P},${infer Rest}` ? [Arg<P>, ...SplitArgs<Rest>] : [Arg<S>];

/** The first failure among a tuple's elements, if any. */
type FirstFailure<A extends unknown[]> = A extends [infer H, ...infer R] ? ([H] extends [Failure<string>] ? H : FirstFailure<R>) : never;

/** A prototype read: `{ name, fn }`, or a Failure. */
export type Parsed<P extends string> = P extends `${infer Head}(${infer Params})`
  ? Declarator<Head> extends { type: infer T extends string; name: infer N extends string }
    ? Result<T> extends Failure<string>
      ? Result<T>
      : [FirstFailure<Args<Params>>] extends [never]
        ? { name: N; fn: (...args: Args<Params>) => Result<T> }
        : FirstFailure<Args<Params>>
    : Failure<`cannot read '${Head}' as 'type name'`>
  : Failure<`'${P}' is not 'type name(params)'`>;

/** The function type a prototype declares. */
export type FunctionOf<P extends string> = Parsed<P> extends { fn: infer F } ? F : never;

/**
 * A table checked entry by entry: each value reads as a prototype, and its
 * key is the C name it binds, so `t.read` is read(2) and nothing else.
 */
export type CheckedTable<T extends Record<string, string>> = {
  [K in keyof T]: Parsed<T[K]> extends Failure<infer Why>
    ? `${K & string}: ${Why}`
    : Parsed<T[K]> extends { name: K }
      ? T[K]
      : `${K & string}: the key must be the function's C name`;
};

/** What binding a table gives back: one function per entry, typed from its prototype. */
export type BoundTable<T extends Record<string, string>> = { readonly [K in keyof T]: FunctionOf<T[K]> };
