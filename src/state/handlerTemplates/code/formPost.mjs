// Decoding an HTML form post (application/x-www-form-urlencoded) with
// querystring; API Gateway base64-encodes the body.
import querystring from 'node:querystring';

export const handler = async (event) => {
  const contentType = event.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) {
    return { statusCode: 415, body: 'Expected a form post' };
  }
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const form = querystring.parse(raw);
  const interests = [].concat(form.interest ?? []);
  if (!form.email) return { statusCode: 400, body: 'email is required' };
  const location = `/thanks?${querystring.stringify({ name: form.name, n: interests.length })}`;
  console.log('Signup', { email: form.email, interests });
  return { statusCode: 303, headers: { Location: location }, body: '' };
};
