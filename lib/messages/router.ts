import type { ErrorInfo } from '../model/error-info';
import { REQUESTS, RequestEnvelopeSchema, type Params, type RequestType, type ResponseEnvelope, type Result } from './protocol';

type ErrorAnswer = ErrorInfo & { message?: string };

/** A request whose parameters do not match the protocol: a bug in the page, said plainly. */
export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

/** The background's side: one handler per request type, every input and output checked. */
export type Handlers = { [T in RequestType]: (params: Params<T>) => Promise<Result<T>> };

/** The handlers of one group of requests (see `requests/`). */
export type HandlersOf<Group extends object> = Pick<Handlers, keyof Group & RequestType>;

export interface RouterOptions {
  /**
   * Turns an error into data the page words (see lib/background/errors.ts), with the background's own
   * sentence for logs and scripts.
   */
  describe: (error: unknown) => ErrorAnswer | Promise<ErrorAnswer>;
}

/**
 * Answers a message, or returns undefined when it is not a Vigie message (so other listeners may answer).
 * The caller checks who sent it before calling this.
 */
export async function route(message: unknown, handlers: Handlers, options: RouterOptions): Promise<ResponseEnvelope | undefined> {
  const candidate = message as { channel?: unknown; type?: unknown } | null;
  // Events share the channel but carry no `type`: they are for pages, not for the router.
  if (candidate?.channel !== 'vigie' || candidate.type === undefined) return undefined;
  const envelope = RequestEnvelopeSchema.safeParse(message);
  if (!envelope.success) {
    // A Vigie message the protocol does not know (a page newer than its background, say) is answered, not ignored.
    return { ok: false, ...(await options.describe(new InvalidRequestError(`unknown request ${JSON.stringify(candidate.type)}`))) };
  }
  const { type, params } = envelope.data;
  try {
    const spec = REQUESTS[type];
    const checked = spec.params.safeParse(params ?? {});
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new InvalidRequestError(`${type}: ${issue?.path.join('.') || 'params'}: ${issue?.message ?? 'invalid'}`);
    }
    const handler = handlers[type] as (params: unknown) => Promise<unknown>;
    const result = spec.result.parse(await handler(checked.data));
    return { ok: true, result };
  } catch (error) {
    return { ok: false, ...(await options.describe(error)) };
  }
}
