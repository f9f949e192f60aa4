import { t } from '@/lib/i18n/browser';
import { hubRefusalWords } from '@/lib/i18n/error-words';
import type { HubStatus } from '@/lib/messages/requests/hub';

/** What went wrong with the hub the last time, in words, with what the member can do about it. */
export function HubProblem({ problem }: { problem: HubStatus['problem'] }) {
  if (!problem) return null;
  return (
    <p class="problem" role="alert" data-hub-problem={problem.code}>
      {t(`hubProblem_${problem.code}`, [problem.code === 'refused' ? hubRefusalWords(problem.refusal, problem.detail, t) : problem.detail])}
    </p>
  );
}
