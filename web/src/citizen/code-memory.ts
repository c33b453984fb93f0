/**
 * Access codes the citizen just received, kept in memory only so the receipt's "track" link opens the
 * tracking page unlocked. Never in localStorage or the URL: a walk-in desk computer is shared, and the next
 * person must not inherit someone else's code.
 */
const codes = new Map<string, string>();

export function rememberCode(ticket: string, code: string): void {
  codes.set(ticket.toUpperCase(), code);
}

export function recallCode(ticket: string): string | undefined {
  return codes.get(ticket.toUpperCase());
}

export function forgetCode(ticket: string): void {
  codes.delete(ticket.toUpperCase());
}
