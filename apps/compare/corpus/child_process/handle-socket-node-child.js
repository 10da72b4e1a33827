// Connections handed to children that run on node whatever runs this
// script: under mini, a mini parent and node children.
process.argv[2] = 'node';
require('./handle-socket.js');
