// args: advanced
// The same order with the 'advanced' serialization: handles travel with
// v8-serialized messages too.
require('./handle-queue-order.js');
