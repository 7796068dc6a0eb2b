/** "1 vendor", "5 vendors", "1 check", "0 checks": every count the tool prints goes through here. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
