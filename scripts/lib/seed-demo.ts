// First-start demo data: staff sign-ins (sandbox only) and a few hundred orders
// sent through the sandbox double, arriving as webhooks like in production.
import { createDb } from "@/lib/db/prisma";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from "@/lib/demo/seed-users";
import { seedDemoOrders } from "@/lib/demo/seed-orders";
import type { Stack } from "./stack";

export async function seedDemo(stack: Stack): Promise<{ summary: string }> {
  const { config, sim } = stack;
  const db = createDb(config.databaseUrl);
  const lines: string[] = [];
  try {
    if (config.demoUsersAllowed) {
      if (await seedDemoUsers(db)) lines.push("Created the demo staff users.");
      lines.push(
        `Demo sign-ins (password "${DEMO_PASSWORD}"):`,
        ...DEMO_USERS.map((u) => `  ${u.role.padEnd(8)} ${u.email}`),
      );
    }
    if (
      sim &&
      sim.state.orders.list().length === 0 &&
      (await db.order.count()) === 0 &&
      (await db.webhookDelivery.count()) === 0
    ) {
      const started = Date.now();
      const count = await seedDemoOrders(
        {
          apiBaseUrl: sim.apiBaseUrl,
          simUrl: sim.url,
          privateKey: config.points.privateKey,
          publicKey: config.points.publicKey,
          appUrl: stack.appUrl,
        },
        300,
        (done, total) => {
          if (done % 50 === 0 || done === total)
            process.stdout.write(`\rSeeding demo orders through the sandbox double… ${done}/${total}`);
        },
      );
      await sim.waitForIdle();
      process.stdout.write("\n");
      lines.push(
        `Seeded ${count} demo orders through the sandbox double in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
    }
  } finally {
    await db.$disconnect();
  }
  return { summary: lines.join("\n") };
}
