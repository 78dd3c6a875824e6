/**
 * Waits for a condition, checking every 50 ms, with no deadline of its own: the test's timeout
 * bounds it. For conditions that depend on how busy the machine is (a handshake, a message to
 * arrive), where a short deadline of the test's own fails a correct run on a loaded machine.
 */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 50));
}
