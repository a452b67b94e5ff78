// A CommonJS handler (index.js without ES module syntax): `require` and
// `exports.handler`, as in much of AWS's older documentation.
const crypto = require('crypto');
const util = require('util');
const os = require('os');

exports.handler = async function (event, context) {
  const digest = crypto.createHash('md5').update(event.text).digest('base64');
  console.log(util.format('Hashed %d characters for %s', event.text.length, context.functionName));
  return {
    contentMd5: digest,
    summary: util.format('%s on %s/%s', context.functionName, os.platform(), os.tmpdir()),
    upper: event.text.toUpperCase(),
  };
};
