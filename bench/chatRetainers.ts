import { openSignedInDesk } from './signedInDesk.ts';
import { growthByOwner, heapGrowth, takeHeapSnapshot } from './heapSnapshot.ts';

/**
 * What an ended chat leaves in the shell's heap, and what keeps it there: heap snapshots (after a
 * forced GC) before and after N chats opened, used, ended and cleared, diffed by object id and
 * grouped by constructor, each with the retainer path of one new object.
 *
 *   npm run build && flock /tmp/cs-e2e.lock npx tsx bench/chatRetainers.ts [N] [--abrupt]
 *
 * `--abrupt` clears each chat without ending it first (the contact leaves the snapshot with its
 * connection still up and no `chat.ended` event on the websocket).
 */
const chats = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 20);
const abrupt = process.argv.includes('--abrupt');
const depth = Number(process.argv.find((arg) => arg.startsWith('--depth='))?.slice(8) ?? 4);

async function main(): Promise<void> {
  const { emulator, page, close } = await openSignedInDesk();
  try {
    const cdp = await page.context().newCDPSession(page);
    const oneChat = async (index: number): Promise<void> => {
      const contactId = await emulator.control.addContact({ type: 'chat', customerName: 'Bench Customer' });
      await emulator.control.accept(contactId);
      const thread = page.locator(`[data-testid=chat][data-contact-id="${contactId}"]`);
      await page.locator(`[data-testid=chat][data-contact-id="${contactId}"][data-link=connected]`).waitFor({ timeout: 30_000 });
      await emulator.control.sendCustomerMessage(contactId, { text: `Hello ${index}, card 4111 1111 1111 1111` });
      await thread.getByTestId('chat-message').first().waitFor();
      if (!abrupt) {
        await emulator.control.end(contactId);
        await page.locator(`[data-testid=chat][data-contact-id="${contactId}"][data-link=ended]`).waitFor({ timeout: 30_000 });
      }
      await emulator.control.clear(contactId);
      await thread.waitFor({ state: 'detached' });
    };
    // Warm up: the first chat loads what every later one shares (clients, config, React's pools).
    await oneChat(0);
    await oneChat(1);
    const before = await takeHeapSnapshot(cdp);
    for (let index = 0; index < chats; index += 1) await oneChat(index + 2);
    const after = await takeHeapSnapshot(cdp);
    const growth = heapGrowth(before, after, 25);
    const total = growth.reduce((sum, group) => sum + group.bytes, 0);
    console.log(
      `${chats} chats (${abrupt ? 'cleared without ending' : 'ended, then cleared'}): top 25 new constructors hold ${(total / 1024).toFixed(1)} KB, ${(total / chats / 1024).toFixed(2)} KB per chat`,
    );
    console.log('\nNew objects (code excluded) by who holds them:');
    for (const group of growthByOwner(before, after, depth, 30)) {
      console.log(`  ${(group.bytes / 1024).toFixed(1).padStart(7)} KB  ${(group.bytes / chats / 1024).toFixed(2).padStart(6)} KB/chat  ${group.owner}`);
    }
    for (const group of growth) {
      console.log(`\n${group.name}: ${group.count} new (${(group.count / chats).toFixed(1)}/chat), ${(group.bytes / 1024).toFixed(1)} KB`);
      console.log(`  ${group.example.join(' → ')}`);
    }
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
