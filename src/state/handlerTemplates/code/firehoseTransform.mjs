// Amazon Data Firehose data transformation: each record comes back with its
// recordId, a result (Ok, Dropped, ProcessingFailed) and base64 data.
export const handler = async (event) => {
  const records = event.records.map((record) => {
    try {
      const click = JSON.parse(Buffer.from(record.data, 'base64').toString('utf8'));
      if (click.bot) return { recordId: record.recordId, result: 'Dropped', data: record.data };
      const line = `${JSON.stringify({ page: click.page, at: new Date(record.approximateArrivalTimestamp).toISOString() })}\n`;
      return { recordId: record.recordId, result: 'Ok', data: Buffer.from(line).toString('base64') };
    } catch {
      return { recordId: record.recordId, result: 'ProcessingFailed', data: record.data };
    }
  });
  console.log(records.map((r) => r.result).join(','));
  return { records };
};
