// DynamoDB Streams: NewImage/OldImage are in DynamoDB's typed JSON.
// `unmarshall` turns {"S": "x"} and friends into plain values, as
// @aws-sdk/util-dynamodb's unmarshall does for these types.
function unmarshallValue(attr) {
  const [type, value] = Object.entries(attr)[0];
  switch (type) {
    case 'S': return value;
    case 'N': return Number(value);
    case 'BOOL': return value;
    case 'NULL': return null;
    case 'B': return Buffer.from(value, 'base64');
    case 'SS': return new Set(value);
    case 'NS': return new Set(value.map(Number));
    case 'L': return value.map(unmarshallValue);
    case 'M': return unmarshall(value);
    default: throw new Error(`Unsupported DynamoDB type ${type}`);
  }
}

export function unmarshall(image) {
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, unmarshallValue(v)]));
}

export const handler = async (event) => {
  const changes = event.Records.map((record) => {
    const { eventName, dynamodb } = record;
    const keys = unmarshall(dynamodb.Keys);
    const before = dynamodb.OldImage ? unmarshall(dynamodb.OldImage) : undefined;
    const after = dynamodb.NewImage ? unmarshall(dynamodb.NewImage) : undefined;
    const changed = before && after ? Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k])) : [];
    return { eventName, keys, after, changed };
  });
  for (const c of changes) console.log(c.eventName, JSON.stringify(c.keys), c.changed.join(','));
  return { changes };
};
