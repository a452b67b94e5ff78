// Kinesis Data Streams: record data arrives base64-encoded.
export const handler = async (event) => {
  const readings = event.Records.map((record) => {
    const payload = Buffer.from(record.kinesis.data, 'base64').toString('utf8');
    return { ...JSON.parse(payload), partitionKey: record.kinesis.partitionKey, sequenceNumber: record.kinesis.sequenceNumber };
  });
  const byDevice = {};
  for (const r of readings) {
    byDevice[r.deviceId] ??= { count: 0, total: 0 };
    byDevice[r.deviceId].count += 1;
    byDevice[r.deviceId].total += r.temperature;
  }
  const averages = Object.fromEntries(Object.entries(byDevice).map(([id, s]) => [id, Math.round((s.total / s.count) * 100) / 100]));
  console.log(`Decoded ${readings.length} records`, averages);
  return { records: readings.length, averages };
};
