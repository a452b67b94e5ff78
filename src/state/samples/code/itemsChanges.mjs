// Sample application: an HTTP API on DynamoDB (the stream reader).
//
// items-changes is invoked by the event source mapping on the items table's
// stream (NEW_AND_OLD_IMAGES): one batch of records per invoke, in the order
// the writes happened. It logs what changed; a real application would update
// a search index, send a notification or keep an audit trail here.
//
// What to try: create, update and delete items through items-api, then read
// this function's logs. Invoke runs it with a sample stream record (the test
// event), as a unit test would.
import { unmarshall } from '@aws-sdk/util-dynamodb';

export const handler = async (event) => {
  for (const record of event.Records) {
    const { Keys, NewImage, OldImage } = record.dynamodb;
    const id = unmarshall(Keys).id;
    const before = OldImage ? unmarshall(OldImage) : undefined;
    const after = NewImage ? unmarshall(NewImage) : undefined;
    if (record.eventName === 'INSERT') console.log(`INSERT ${id}: ${JSON.stringify(after)}`);
    else if (record.eventName === 'REMOVE') console.log(`REMOVE ${id}: was ${JSON.stringify(before)}`);
    else {
      const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before?.[k]));
      console.log(`MODIFY ${id}: ${changed.map((k) => `${k} ${JSON.stringify(before?.[k])} → ${JSON.stringify(after[k])}`).join(', ')}`);
    }
  }
  return { processed: event.Records.length };
};
