// A server sent up by a child that runs on node whatever runs this script.
process.argv[2] = 'node';
require('./handle-from-child.js');
