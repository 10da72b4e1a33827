// A <MiB> MiB file read through fs.createReadStream with its default 64 KiB
// chunks: one pool read per chunk, each into a fresh buffer, as Node does.
// The file is written first (and left in the page cache), so this measures
// the stream and the pool, not the disk. Prints "MiBps=<MiB per second>".
const fs = require('fs');
const os = require('os');
const path = require('path');
const MIB = Number(process.argv[2] || 256);
const file = path.join(os.tmpdir(), `mini-bench-readstream-${process.pid}`);
const block = Buffer.alloc(1 << 20, 'y');
const fd = fs.openSync(file, 'w');
for (let i = 0; i < MIB; i++) fs.writeSync(fd, block);
fs.closeSync(fd);
let bytes = 0;
const t0 = process.hrtime.bigint();
fs.createReadStream(file)
  .on('data', (chunk) => (bytes += chunk.length))
  .on('close', () => {
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    fs.unlinkSync(file);
    if (bytes !== MIB << 20) throw new Error(`read ${bytes} bytes`);
    console.log(`MiBps=${Math.round(MIB / s)}`);
  });
