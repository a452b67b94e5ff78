// SNS: one function subscribed to several topics; messages are routed by
// topic and message attributes.
export const handler = async (event) => {
  const summary = { alerts: [], audit: 0, other: 0 };
  for (const { Sns } of event.Records) {
    const topic = Sns.TopicArn.split(':').pop();
    const severity = Sns.MessageAttributes?.severity?.Value ?? 'info';
    if (topic === 'alerts') {
      const message = JSON.parse(Sns.Message);
      summary.alerts.push(`${severity.toUpperCase()}: ${message.service} ${message.status}`);
    } else if (topic === 'audit-log') {
      summary.audit += 1;
    } else {
      summary.other += 1;
    }
    console.log(`SNS ${Sns.MessageId} from ${topic} (${Sns.Subject ?? 'no subject'})`);
  }
  return summary;
};
