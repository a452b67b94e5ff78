// A small JSON API behind an API Gateway HTTP API (payload format 2.0).
// Routes on method and path; bad input gets 400, unknown routes 404.
import { randomUUID } from 'node:crypto';

// Module scope survives warm invokes: a toy in-memory table.
const items = new Map();

const json = (statusCode, body) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

function parseBody(event) {
  if (!event.body) return null;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const handler = async (event) => {
  const method = event.requestContext.http.method;
  const path = event.rawPath;
  const match = path.match(/^\/items(?:\/([^/]+))?$/);
  if (!match) return json(404, { message: `No route for ${method} ${path}` });
  const id = match[1];

  if (method === 'GET' && !id) return json(200, { items: [...items.values()] });
  if (method === 'GET' && id) {
    const item = items.get(id);
    return item ? json(200, item) : json(404, { message: `Item ${id} not found` });
  }
  if (method === 'POST' && !id) {
    const body = parseBody(event);
    if (body === undefined) return json(400, { message: 'Body is not valid JSON' });
    if (!body || typeof body.name !== 'string' || typeof body.price !== 'number') {
      return json(400, { message: 'Expected {"name": string, "price": number}' });
    }
    const item = { id: randomUUID(), name: body.name, price: body.price, createdAt: event.requestContext.time };
    items.set(item.id, item);
    console.log('Created item', item.id);
    return json(201, item);
  }
  if (method === 'DELETE' && id) {
    return items.delete(id) ? { statusCode: 204 } : json(404, { message: `Item ${id} not found` });
  }
  return json(405, { message: `Method ${method} not allowed on ${path}` });
};
