/**
 * `events`: the `events` package, a port of Node's EventEmitter (listeners,
 * `once`, `error` events that throw when unhandled, max-listener warnings).
 */
import EventEmitter from 'events/events.js';

export { EventEmitter };
export default EventEmitter;
