// An EventBridge (CloudWatch Events) scheduled rule: a nightly clean-up job
// that works out which day it covers from the event's own time.
export const handler = async (event) => {
  if (event.source !== 'aws.events' || event['detail-type'] !== 'Scheduled Event') {
    throw new Error(`Unexpected event: ${event['detail-type']}`);
  }
  const runAt = new Date(event.time);
  const day = new Date(Date.UTC(runAt.getUTCFullYear(), runAt.getUTCMonth(), runAt.getUTCDate() - 1));
  const report = {
    rule: event.resources[0].split('/').pop(),
    coversDay: day.toISOString().slice(0, 10),
    retentionCutoff: new Date(day.getTime() - 30 * 86_400_000).toISOString().slice(0, 10),
  };
  console.log('Nightly clean-up', report);
  return report;
};
