// Static imports evaluate depth first, each module once, in source order.
import './fixtures/order-a.js';
import './fixtures/order-c.js';
import { sibling } from './fixtures/sibling.js';
console.log('main', sibling);
