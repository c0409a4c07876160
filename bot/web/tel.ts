/**
 * A tel: URI for a configured phone number. RFC 3966 only allows separators in global numbers
 * (with +), and the appointment line is North American, so 10 or 11 digits become +1…; anything
 * else is dialled as written, digits only.
 */
export function telHref(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+')) return `tel:+${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `tel:+${digits}`;
  if (digits.length === 10) return `tel:+1${digits}`;
  return `tel:${digits}`;
}
