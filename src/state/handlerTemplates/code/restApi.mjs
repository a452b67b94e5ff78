// API Gateway REST API (Lambda proxy integration, payload format 1.0):
// path parameters, query string parameters and a JSON error for unknown ids.
const BOOKS = {
  '1': { id: '1', title: 'The Pragmatic Programmer', year: 1999 },
  '2': { id: '2', title: 'Designing Data-Intensive Applications', year: 2017 },
};

export const handler = async (event) => {
  const { httpMethod, resource, pathParameters, queryStringParameters } = event;
  console.log(`${httpMethod} ${resource}`, { pathParameters, queryStringParameters });

  if (httpMethod === 'GET' && resource === '/books/{id}') {
    const book = BOOKS[pathParameters?.id];
    if (!book) {
      return { statusCode: 404, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: 'Book not found' }) };
    }
    const fields = queryStringParameters?.fields?.split(',');
    const body = fields ? Object.fromEntries(fields.filter((f) => f in book).map((f) => [f, book[f]])) : book;
    return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  }
  return { statusCode: 400, body: JSON.stringify({ message: `Unsupported route: ${httpMethod} ${resource}` }) };
};
