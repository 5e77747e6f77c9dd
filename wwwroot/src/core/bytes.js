// Sizes in human units (1024-based, one decimal below 10), numbers in the person's format: "1.5 MB", "1,5 MB".
import { formatNumber } from './i18n.js';

const units = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes) {
  let value = Number(bytes) || 0;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${formatNumber(value, { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${units[unit]}`;
}
