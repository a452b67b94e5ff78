// Parsing CSV with streams: a Transform splits chunks into lines (a line may
// straddle two chunks) and emits one object per row.
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

class CsvParser extends Transform {
  constructor() {
    super({ readableObjectMode: true });
    this.rest = '';
    this.columns = null;
  }
  _transform(chunk, _encoding, done) {
    const lines = (this.rest + chunk.toString('utf8')).split(/\r?\n/);
    this.rest = lines.pop();
    for (const line of lines) this.row(line);
    done();
  }
  _flush(done) {
    if (this.rest) this.row(this.rest);
    done();
  }
  row(line) {
    if (!line.trim()) return;
    const cells = line.split(',').map((c) => c.trim());
    if (!this.columns) this.columns = cells;
    else this.push(Object.fromEntries(this.columns.map((c, i) => [c, cells[i]])));
  }
}

export const handler = async (event) => {
  const csv = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  // Feed it in small chunks, as a network stream would.
  const chunks = [];
  for (let i = 0; i < csv.length; i += 16) chunks.push(csv.subarray(i, i + 16));

  const totals = {};
  let rows = 0;
  await pipeline(
    Readable.from(chunks),
    new CsvParser(),
    new Writable({
      objectMode: true,
      write(row, _encoding, done) {
        rows += 1;
        totals[row.region] = Math.round(((totals[row.region] ?? 0) + Number(row.amount)) * 100) / 100;
        done();
      },
    }),
  );
  console.log(`Parsed ${rows} rows`);
  return { rows, totals };
};
