// The same hand-over of a listening server, to a child that runs on node
// whatever runs this script: under mini, a mini parent and a node child.
process.argv[2] = 'node';
require('./handle-server.js');
