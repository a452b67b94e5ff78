import { expect, test as base, type Locator, type Page } from '@playwright/test';

/** The saved record of the open workspace, as IndexedDB holds it. */
export async function savedWorkspace(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('serverless-playground');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['workspaces', 'meta'], 'readonly');
          const current = tx.objectStore('meta').get('current');
          current.onsuccess = () => {
            const record = tx.objectStore('workspaces').get(current.result as string);
            record.onsuccess = () => resolve(JSON.stringify(record.result ?? null));
          };
        };
      }),
  );
}

/** Room for a cold start that loads the AWS SDK on a loaded machine: a 30 s timeout and a full vCPU (Configuration view). */
export async function roomy(playground: Playground): Promise<void> {
  await playground.view('Configuration');
  await playground.timeout.fill('30');
  await playground.memory.fill('1769');
}

/** Add a function to the workspace and wait for its tab (`name`: the one the app gives it). */
export async function addFunction(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Functions' }).getByRole('button', { name: 'Add function' }).click();
  await expect(page.getByRole('tablist', { name: 'Functions in this workspace' }).getByRole('tab', { name: `λ ${name}`, exact: true })).toBeVisible();
}

/** Add a trigger to the selected function through the Triggers panel (in the Triggers view): its type, and its name and detail fields when given. */
export async function addTrigger(page: Page, type: string, fields: { name?: string; detail?: string } = {}): Promise<void> {
  await showView(page, 'Triggers');
  const triggers = page.getByRole('region', { name: 'Triggers' });
  await triggers.getByRole('button', { name: 'Add trigger' }).click();
  await triggers.getByLabel('Trigger type').selectOption({ label: type });
  if (fields.name !== undefined) await triggers.getByRole('form', { name: 'New trigger' }).getByRole('textbox').first().fill(fields.name);
  if (fields.detail !== undefined) await triggers.getByRole('form', { name: 'New trigger' }).getByRole('textbox').last().fill(fields.detail);
  await triggers.getByRole('button', { name: 'Create trigger' }).click();
}

/** The page's views, as its tab list names them. */
export type ViewName = 'Run' | 'Configuration' | 'Triggers' | 'Resources' | 'Metrics' | 'Billing' | 'Traces' | 'Simulation';

/** Show a view by clicking its tab, as a user would, and wait until it is the selected one. (The embed has one view and no tabs.) */
export async function showView(page: Page, name: ViewName): Promise<void> {
  const tabs = page.getByRole('tablist', { name: 'Views' });
  if ((await tabs.count()) === 0) return;
  const tab = tabs.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** The playground as a user sees it: roles and accessible names only. */
export class Playground {
  readonly invokeButton: Locator;
  readonly code: Locator;
  readonly event: Locator;
  readonly response: Locator;
  readonly logs: Locator;
  readonly memory: Locator;
  readonly timeout: Locator;

  /** Uncaught errors and console errors of the app's page, for failure messages. */
  readonly pageErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(`console.error: ${message.text()}`);
    });
    this.invokeButton = page.getByRole('button', { name: 'Invoke', exact: true });
    this.code = page.getByRole('textbox', { name: 'Handler code' });
    this.event = page.getByRole('textbox', { name: 'Test event' });
    this.response = page.getByRole('region', { name: 'Response' });
    this.logs = page.getByRole('region', { name: 'Logs' });
    this.memory = page.getByLabel('Memory (MB)');
    this.timeout = page.getByLabel('Timeout (s)');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.code).toBeAttached();
    await expect(this.event).toBeAttached();
    await this.showLogs();
  }

  /** Show a view (Run holds the editors, Response, load and Timeline; Configuration the function's settings …). */
  async view(name: ViewName): Promise<void> {
    await showView(this.page, name);
  }

  /** Unfold the Logs panel at the bottom of the page, if it is folded (it starts folded on a short screen). */
  async showLogs(): Promise<void> {
    const toggle = this.logs.getByRole('button', { name: 'Logs', exact: true });
    // The embed's Logs panel does not fold: it has no such button.
    if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await expect(this.logs.getByRole('log')).toBeVisible();
  }

  /**
   * Replace an editor's whole text by pasting it (the editors are in the Run view). A paste keeps the text's
   * indentation as it is, where typing it would let the editor indent each new line (Python's blocks would shift).
   */
  async replaceText(editor: Locator, text: string): Promise<void> {
    await this.view('Run');
    await editor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await editor.evaluate((area, pasted) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', pasted);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, text);
  }

  async setCode(code: string): Promise<void> {
    await this.replaceText(this.code, code);
  }

  /** Press Invoke and wait until the response shows a new result (in the Run view, where the Response is); a Python cold start boots Pyodide first, so its tests wait longer. */
  async invoke({ timeout = 15_000 }: { timeout?: number } = {}): Promise<void> {
    await this.view('Run');
    const before = await this.logs.getByText(/^REPORT RequestId/).count();
    const rejected = this.response.getByText(/Invoke refused/);
    await this.invokeButton.click();
    try {
      await expect(async () => {
        const after = await this.logs.getByText(/^REPORT RequestId/).count();
        const refused = await rejected.count();
        expect(after > before || refused > 0).toBe(true);
      }).toPass({ timeout });
    } catch (error) {
      // Say what the user saw, so that a failure on a CI box can be understood from its output alone.
      throw new Error(`No REPORT and no refusal after Invoke.\n${await this.describe()}`, { cause: error });
    }
  }

  /** What the Response and Logs panels show now (the last lines), for failure messages. */
  async describe(): Promise<string> {
    const response = (await this.response.textContent().catch(() => null)) ?? '(no Response panel)';
    const lines = await this.logs.getByRole('log').locator(':scope > *').allTextContents().catch(() => [] as string[]);
    const errors = this.pageErrors.length > 0 ? `\nPage errors:\n${this.pageErrors.slice(-8).join('\n').slice(0, 2000)}` : '';
    return `Response: ${response.slice(0, 600)}\nLast log lines:\n${lines.slice(-12).join('\n').slice(0, 2000)}${errors}`;
  }

  /** The text of the most recent REPORT line. */
  async lastReport(): Promise<string> {
    return (await this.logs.getByText(/^REPORT RequestId/).last().textContent()) ?? '';
  }

  async responseText(): Promise<string> {
    return (await this.response.textContent()) ?? '';
  }
}

/** The concurrency part of the page: load generator, settings, and what the platform did. */
export class Concurrency {
  readonly timeline: Locator;
  readonly metrics: Locator;
  readonly billing: Locator;
  readonly summary: Locator;

  /** Uncaught errors and console errors of the app's page, for failure messages. */
  readonly pageErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(`console.error: ${message.text()}`);
    });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
    this.metrics = page.getByRole('region', { name: 'Metrics' });
    this.billing = page.getByRole('region', { name: 'Billing' });
    this.summary = page.getByRole('region', { name: 'Run summary' });
  }

  /** Show a view: the Timeline and the load are in Run, Metrics and the Run summary in Metrics, the bill in Billing. */
  async view(name: ViewName): Promise<void> {
    await showView(this.page, name);
  }

  /** Fire `count` requests at once, synchronously or as Event invocations, and wait for the load to be sent (from the Run view). */
  async burst(count: number, invocationType: 'sync' | 'async' = 'sync'): Promise<void> {
    await this.view('Run');
    await this.page.getByLabel('Pattern').selectOption({ label: 'Burst' });
    await this.page.getByLabel('Burst size').fill(String(count));
    await this.page.getByLabel('Invocation type').selectOption({ index: invocationType === 'sync' ? 0 : 1 });
    await this.page.getByRole('button', { name: 'Start load' }).click();
    try {
      await expect(this.page.getByText(`sent ${count} of ${count}`)).toBeVisible();
    } catch (error) {
      throw new Error(`The load was not sent.\nPage errors:\n${this.pageErrors.slice(-8).join('\n').slice(0, 2000)}`, { cause: error });
    }
  }

  /** A figure of the run summary, e.g. `Throttled (429)`. */
  figure(term: string): Locator {
    const item = this.summary.locator('dl > div').filter({ has: this.page.getByRole('term').getByText(term, { exact: true }) });
    return item.getByRole('definition');
  }
}

export const test = base.extend<{ playground: Playground; concurrency: Concurrency }>({
  playground: async ({ page }, use) => {
    const playground = new Playground(page);
    await playground.open();
    await use(playground);
  },
  // Depends on `playground`, so the page is open.
  concurrency: async ({ playground }, use) => {
    await use(new Concurrency(playground.page));
  },
});

export { expect };
