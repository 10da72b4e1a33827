// A UDP socket handed to a child that runs on node whatever runs this script.
process.argv[2] = 'node';
require('./handle-dgram.js');
