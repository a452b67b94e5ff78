// A callback-style handler: callback(error, result). Supported up to
// nodejs22.x; Lambda's nodejs24.x no longer accepts a third parameter.
const https = require('https');

exports.handler = function (event, context, callback) {
  if (!Array.isArray(event.numbers)) {
    callback(new Error('event.numbers must be an array'));
    return;
  }
  const sum = event.numbers.reduce((a, b) => a + b, 0);
  // Work queued with setTimeout still runs before the response: the runtime
  // waits for the event loop to empty (context.callbackWaitsForEmptyEventLoop).
  setTimeout(() => console.log('Audit entry written'), 10);
  callback(null, { sum, average: sum / event.numbers.length, agent: typeof https.request });
};
