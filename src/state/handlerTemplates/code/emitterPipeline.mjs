// An EventEmitter-based pipeline: stages listen for events, and the handler
// waits for the final one with events.once.
import { EventEmitter, once } from 'node:events';

class OrderPipeline extends EventEmitter {
  constructor() {
    super();
    this.on('received', (order) => this.emit(order.items.length ? 'validated' : 'rejected', order, 'no items'));
    this.on('validated', (order) => {
      const total = order.items.reduce((sum, i) => sum + i.price * i.qty, 0);
      setImmediate(() => this.emit('priced', { ...order, total: Math.round(total * 100) / 100 }));
    });
    this.on('priced', (order) => this.emit('done', { id: order.id, status: 'accepted', total: order.total }));
    this.on('rejected', (order, reason) => this.emit('done', { id: order.id, status: 'rejected', reason }));
  }
}

export const handler = async (event) => {
  const pipeline = new OrderPipeline();
  const stages = [];
  // prependListener: record each stage before its own listener moves the order on.
  for (const name of ['received', 'validated', 'priced', 'rejected', 'done']) pipeline.prependListener(name, () => stages.push(name));
  const finished = once(pipeline, 'done');
  pipeline.emit('received', event.order);
  const [result] = await finished;
  console.log('Stages:', stages.join(' → '));
  return { ...result, stages, listeners: pipeline.listenerCount('done') };
};
