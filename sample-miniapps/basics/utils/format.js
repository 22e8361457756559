// ES module: named and default exports
const pad = (n) => String(n).padStart(2, '0');

export function formatTime(date) {
  return [date.getUTCFullYear(), pad(date.getUTCMonth() + 1), pad(date.getUTCDate())].join('-')
    + ' ' + [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()].map(pad).join(':');
}

export const currency = (cents) => '¥' + (cents / 100).toFixed(2);

export default { formatTime, currency };
