import { useCallback, useId, useState, type FormEvent } from 'react';
import type { ResourceOf } from '../../core/workspace/workspaceResources';
import { isFailure } from '../../state/serviceConsole';
import { deleteItem, putItem, scanTable, type AttributeMap, type ConsoleItem } from '../../state/serviceConsoleDynamoDb';
import { ContentsForm } from './ContentsForm';
import { ContentsPicker } from './ContentsPicker';
import { usePolled } from './usePolled';

/** How many items the view scans for. */
const SCAN_LIMIT = 50;

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

type Table = ResourceOf<'tables'>;

const keyNames = (t: Table): string[] => [t.partitionKey.name, ...(t.sortKey ? [t.sortKey.name] : [])];

/** The item's key attributes (wire form) and their text, which names its Delete button. */
function keyOf(table: Table, item: ConsoleItem): { key: AttributeMap; text: string } {
  const key: AttributeMap = {};
  for (const name of keyNames(table)) {
    const v = item.raw[name];
    if (v) key[name] = v;
  }
  return { key, text: keyNames(table).map((n) => `${n}=${show(item.json[n])}`).join(', ') };
}

/** One table's items, as the console's item explorer shows them: a Scan, PutItem of JSON, DeleteItem by key. */
function TableItems({ table }: { table: Table }) {
  const name = table.name;
  const load = useCallback(() => scanTable(name, SCAN_LIMIT), [name]);
  const { value, refresh } = usePolled(load);
  const [json, setJson] = useState('');
  const [result, setResult] = useState('');
  const headingId = useId();
  const keys = keyNames(table);
  const items = value && !isFailure(value) ? value.items : [];
  const columns = [...keys, ...[...new Set(items.flatMap((i) => Object.keys(i.json)))].filter((c) => !keys.includes(c)).sort()];
  const put = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const r = await putItem(name, json);
    setResult(isFailure(r) ? r.error : `Put an item in ${name}.`);
    if (!isFailure(r)) setJson('');
    refresh();
  };
  const remove = async (item: ConsoleItem): Promise<void> => {
    const { key, text } = keyOf(table, item);
    const r = await deleteItem(name, key);
    setResult(isFailure(r) ? r.error : `Deleted item ${text} from ${name}.`);
    refresh();
  };
  return (
    <section className="contents-view" aria-labelledby={headingId}>
      <h3 id={headingId}>Items in {name}</h3>
      {value && isFailure(value) && <p className="problem">{value.error}</p>}
      {items.length === 0 ? (
        <p className="empty">{value ? 'No items.' : 'Reading…'}</p>
      ) : (
        <div className="contents-table">
        <table aria-label={`Items in ${name}`}>
          <caption className="sr-only">Items in {name}, each attribute with its DynamoDB type</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const { text } = keyOf(table, item);
              return (
                <tr key={text}>
                  {columns.map((c) => (
                    <td key={c}>
                      {c in item.json && (
                        <>
                          <code>{show(item.json[c])}</code> <abbr className="attr-type" title={`DynamoDB type ${item.types[c] ?? ''}`}>{item.types[c]}</abbr>
                        </>
                      )}
                    </td>
                  ))}
                  <td>
                    <button type="button" aria-label={`Delete item ${text}`} onClick={() => void remove(item)}>
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
      {value && !isFailure(value) && value.more && <p className="hint">The first {SCAN_LIMIT} items; the table has more.</p>}
      <ContentsForm label={`Put an item in ${name}`} submitLabel="Put item" onSubmit={put} onRefresh={refresh} result={result}>
        <label>
          Item (JSON)
          <textarea value={json} onChange={(e) => setJson(e.target.value)} rows={4} spellCheck={false} placeholder={`{ ${keys.map((k) => `"${k}": …`).join(', ')} }`} />
        </label>
      </ContentsForm>
    </section>
  );
}

/** The tables' contents view (the Resources view's slot for tables). */
export default function TableContents({ resources }: { resources: readonly Table[] }) {
  return (
    <ContentsPicker noun="table" names={resources.map((t) => t.name)}>
      {(name) => {
        const table = resources.find((t) => t.name === name);
        return table && <TableItems table={table} />;
      }}
    </ContentsPicker>
  );
}
