/**
 * Node's classes are functions from before `class` existed, and packages
 * still use them that way: `net.Socket()` without `new`, and inheritance
 * the old way, `util.inherits(MyServer, http.Server)` with
 * `http.Server.call(this)` in MyServer's constructor. An ES class refuses
 * both. These two helpers give our classes what Node's have:
 *
 * - `adoptable(Base)` is the host base class (EventEmitter, Duplex…) with
 *   one difference: while `callableClass` applies a class to an object
 *   that already exists, its constructor initializes that object (Base is
 *   a function constructor, so `Base.call(target)` works) and returns it,
 *   and JavaScript then runs every subclass's field initializers and
 *   constructor body on the returned object;
 * - `callableClass(Class, name)` is the function exported in place of the
 *   class: `new` and `extends` behave as the class does, a plain call
 *   constructs, and a call on an instance of it initializes that instance.
 */

type Constructor = abstract new (...args: never[]) => object;

/** A class that can also be called as a function, as `callableClass` makes it. */
export type CallableClass<C extends Constructor> = C & ((...args: ConstructorParameters<C>) => InstanceType<C>);

/** The object the next adoptable base constructor initializes instead of making one. */
let adoptee: object | undefined;

function adopt(target: object): void {
  adoptee = target;
}

export function adoptable<B extends Constructor>(Base: B): B {
  const Real = Base as unknown as new (...args: unknown[]) => object;
  // A class, so that an ordinary `new` takes V8's fast path for derived
  // construction (a function returning Reflect.construct made every field
  // initializer of every subclass slow: HTTP fell to a tenth).
  class Adoptable extends Real {
    constructor(...args: unknown[]) {
      const target = adoptee;
      if (target === undefined) {
        super(...args);
      } else {
        adoptee = undefined;
        Reflect.apply(Real as unknown as (...a: unknown[]) => unknown, target, args);
        // A derived constructor may return an object in place of `this`:
        // the subclasses' fields and constructors then run on it.
        return target as Adoptable;
      }
    }
  }
  return Adoptable as unknown as B;
}

/**
 * The wrapper, made by `new Function` for one reason: its name. V8 names a
 * method's receiver in a stack trace by the function its `constructor`
 * property holds, by the name that function was declared with, and a
 * function made at run time can only be declared with a chosen name this
 * way. Instances are made by the class itself (newTarget = Class).
 */
function namedWrapper(name: string, construct: new (...a: unknown[]) => object): (...args: unknown[]) => object {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`not a class name: ${name}`);
  const make = new Function(
    'construct',
    'adopt',
    'release',
    `return function ${name}(...args) {
      if (new.target !== undefined && new.target !== ${name}) return Reflect.construct(construct, args, new.target);
      if (new.target === undefined && this instanceof ${name}) {
        adopt(this);
        try {
          return Reflect.construct(construct, args, construct);
        } finally {
          release();
        }
      }
      return Reflect.construct(construct, args, construct);
    };`,
  ) as (c: typeof construct, a: typeof adopt, r: () => void) => (...args: unknown[]) => object;
  return make(construct, adopt, () => {
    adoptee = undefined;
  });
}

export function callableClass<C extends Constructor>(Class: C, name: string): CallableClass<C> {
  const construct = Class as unknown as new (...a: unknown[]) => object;
  const Callable = namedWrapper(name, construct);
  Callable.prototype = Class.prototype;
  Object.defineProperty(Class.prototype, 'constructor', { value: Callable, writable: true, configurable: true, enumerable: false });
  // Statics: the class's own, and through its parent the inherited ones.
  Object.setPrototypeOf(Callable, Object.getPrototypeOf(Class) as object);
  for (const key of Reflect.ownKeys(Class)) {
    if (key === 'prototype' || key === 'length' || key === 'name') continue;
    Object.defineProperty(Callable, key, Object.getOwnPropertyDescriptor(Class, key)!);
  }
  Object.defineProperty(Callable, 'name', { value: name });
  Object.defineProperty(Callable, 'length', { value: Class.length });
  return Callable as unknown as CallableClass<C>;
}
