// A Lambda function URL with cookies: the request carries them in
// `event.cookies`, the response sets them with a `cookies` array.
import { randomUUID } from 'node:crypto';

const parseCookies = (list = []) =>
  Object.fromEntries(list.map((c) => {
    const i = c.indexOf('=');
    return [c.slice(0, i).trim(), decodeURIComponent(c.slice(i + 1))];
  }));

export const handler = async (event) => {
  const cookies = parseCookies(event.cookies);
  const visits = Number(cookies.visits ?? 0) + 1;
  const session = cookies.session ?? randomUUID();
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    cookies: [
      `session=${session}; Path=/; HttpOnly; Secure; SameSite=Lax`,
      `visits=${visits}; Path=/; Max-Age=31536000`,
    ],
    body: JSON.stringify({ session, visits, theme: cookies.theme ?? 'light' }),
  };
};
