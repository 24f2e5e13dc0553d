// One terminal session of the support desk demo: the commands, and for each customer message
// the seed's loop (get → tools → reply → add), printed step by step.
import { connectors } from "../connectors";
import type { Provider } from "../connectors/types";
import type { LlmConfig } from "../src/memory/extract/llm";
import { checkReply } from "./guard";
import { askModel, buildSystemPrompt } from "./llm";
import type { DeskMemory, Message } from "./memory-api";
import { planTurn } from "./plan";
import { renderAdd, renderGet, renderProfile, renderReply, renderToolList, renderTools } from "./render";
import { templateReply } from "./reply";
import { isScenarioName, SCENARIO_NAMES, SCENARIOS, type Scenario } from "./scenarios";
import type { DemoService } from "./service";
import { runTool } from "./tools";

/** The seed's loop reads memory with these. */
export const GET_LIMIT = 8;
export const CONTEXT_MAX_TOKENS = 700;
const AGENT_ID = "support-bot";
const NOTE_PROVIDERS: Provider[] = ["zendesk", "intercom", "crisp"];

export const HELP = [
  "Commands:",
  `  /scenario ${SCENARIO_NAMES.join("|")}   load a customer: fake records in the tools, an earlier ticket in memory`,
  "  /tools                 the mock tools and the customer's fake data",
  "  /note [zendesk|intercom|crisp]   the internal note a helpdesk agent would get now (crisp: plain markdown)",
  "  /profile               what the memory holds about the customer, with the claim behind each field",
  "  /forget                forget the customer (profile, claims, events)",
  "  /help                  this list",
  "  /quit                  leave",
  "Anything else is a message from the customer; it runs get() → tools → reply → add().",
];

export type SessionDeps = { memory: DeskMemory; service: Pick<DemoService, "engine" | "tenant">; llm?: LlmConfig; print: (line: string) => void };

export function createSession(deps: SessionDeps) {
  const print = (lines: string | string[]) => (Array.isArray(lines) ? lines : [lines]).forEach((l) => deps.print(l));
  let scenario: Scenario | undefined;
  let conversation: Message[] = [];
  let chats = 0;
  let chatId = "";

  async function loadScenario(name: string) {
    if (!isScenarioName(name)) return print(`Unknown scenario "${name}". Pick one of: ${SCENARIO_NAMES.join(", ")}.`);
    scenario = SCENARIOS[name];
    conversation = [];
    chatId = `CHAT-${name}-${++chats}`;
    // A clean slate, then the earlier ticket: the customer starts with exactly that memory.
    await deps.memory.forget(scenario.customerId);
    const t = scenario.earlierTicket;
    const added = await deps.memory.add(t.messages, scenario.customerId, AGENT_ID, { source: "helpdesk", ticket_id: t.ticketId, ticket_status: "open" });
    print([
      `Scenario ${name}: ${scenario.title}`,
      `Customer ${scenario.data.account.name} (external_user_id ${scenario.customerId}), chatting on ${chatId}.`,
      `Earlier ticket ${t.ticketId}, fed through add():`,
      ...t.messages.map((m) => `  ${m.role === "user" ? "customer" : "agent"}: ${m.content}`),
      ...renderAdd(added, t.messages.length),
      `Try: ${scenario.tryThese.map((s) => JSON.stringify(s)).join("  ")}`,
    ]);
  }

  async function reply(system: string, userText: string, templ: string): Promise<{ source: string; text: string }> {
    if (!deps.llm) return { source: "template", text: templ };
    const answer = await askModel(deps.llm, system, [...conversation, { role: "user", content: userText }]);
    if (!answer.ok) return { source: `template; the model failed: ${answer.reason}`, text: templ };
    const check = checkReply(answer.text);
    if (!check.ok) return { source: `template; the model's reply ${check.reason}`, text: templ };
    return { source: `model ${deps.llm.model}`, text: answer.text };
  }

  async function customerMessage(text: string) {
    if (!scenario) return print(`Load a customer first: /scenario ${SCENARIO_NAMES.join("|")}`);
    const got = await deps.memory.get({ query: text, externalUserId: scenario.customerId, agentId: AGENT_ID, limit: GET_LIMIT, contextMaxTokens: CONTEXT_MAX_TOKENS });
    print(renderGet(got, GET_LIMIT, CONTEXT_MAX_TOKENS));

    const memoryText = got.has_context ? [got.system_prompt_addition, ...got.data.map((d) => d.content)].join("\n") : "";
    const plan = planTurn({ message: text, memoryText, customerId: scenario.customerId, actionRef: scenario.actionRef });
    const results = plan.calls.map((c) => runTool(scenario!.data, c));
    print(renderTools(results));

    const customerName = /^Customer:\s*([^\s,;|(]+)/m.exec(memoryText)?.[1];
    const templ = templateReply({ plan, results, customerName });
    const answer = await reply(buildSystemPrompt(got, results), text, templ);
    print(renderReply(answer.source, answer.text));

    conversation.push({ role: "user", content: text }, { role: "assistant", content: answer.text });
    const added = await deps.memory.add(conversation, scenario.customerId, AGENT_ID, { source: "support_chat", ticket_id: chatId });
    print(renderAdd(added, conversation.length));
  }

  async function note(arg: string) {
    if (!scenario) return print("Load a customer first.");
    const provider = (arg || "crisp") as Provider;
    const connector = NOTE_PROVIDERS.includes(provider) ? connectors[provider] : undefined;
    if (!connector) return print(`No helpdesk "${arg}". Pick one of: ${NOTE_PROVIDERS.join(", ")}.`);
    // What the pipeline would post on a new message now: the latest customer message is the query.
    const query = [...conversation].reverse().find((m) => m.role === "user")?.content ?? "";
    const profile = await deps.service.engine.profile(deps.service.tenant, scenario.customerId, provider);
    const context = deps.service.engine.contextFor(profile, { external_user_id: scenario.customerId, query, context_max_tokens: CONTEXT_MAX_TOKENS });
    const rendered = connector.renderNote({ context, profile, externalUserId: scenario.customerId });
    print([`Internal note for ${provider} (${rendered.format}):`, ...rendered.body.split("\n").map((l) => `  ${l}`)]);
  }

  async function forget() {
    if (!scenario) return print("Load a customer first.");
    const gone = await deps.memory.forget(scenario.customerId);
    conversation = [];
    print(gone ? `Forgot ${scenario.customerId}: profile, claims and events are gone.` : `Nothing was remembered about ${scenario.customerId}.`);
  }

  /** One line of input; false when the session should end. */
  async function handle(line: string): Promise<boolean> {
    const text = line.trim();
    if (text === "") return true;
    if (!text.startsWith("/")) {
      await customerMessage(text);
      return true;
    }
    const [command, ...args] = text.split(/\s+/);
    const arg = args.join(" ").toLowerCase();
    switch (command!.toLowerCase()) {
      case "/scenario":
        await loadScenario(arg);
        break;
      case "/tools":
        print(renderToolList(scenario));
        break;
      case "/note":
        await note(arg);
        break;
      case "/profile":
        if (!scenario) print("Load a customer first.");
        else print(renderProfile(await deps.memory.profile(scenario.customerId), scenario.customerId));
        break;
      case "/forget":
        await forget();
        break;
      case "/help":
        print(HELP);
        break;
      case "/quit":
      case "/exit":
        return false;
      default:
        print(`Unknown command ${command}. /help lists them.`);
    }
    return true;
  }

  return { handle };
}
