// Sample application: an order flow (pricing, called with Lambda's Invoke API).
//
// pricing is called synchronously by place-order (InvocationType
// RequestResponse): what it returns is the Payload place-order reads. An
// unknown item throws; the caller then sees FunctionError: "Unhandled".
const PRICES = { book: 12.5, pen: 1.2, lamp: 34 };

export const handler = async (event) => {
  const lines = event.items.map(({ sku, quantity }) => {
    const unit = PRICES[sku];
    if (unit === undefined) throw new Error(`No price for ${sku}`);
    return { sku, quantity, unit, amount: Math.round(unit * quantity * 100) / 100 };
  });
  const total = Math.round(lines.reduce((sum, l) => sum + l.amount, 0) * 100) / 100;
  return { lines, total, currency: 'USD' };
};
