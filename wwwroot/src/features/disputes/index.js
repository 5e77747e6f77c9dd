// The disputes feature as the shell sees it: its routes and the activity sentences, which the dashboard and the
// activity page word before any disputes page was opened.
import { addMessages } from '../../core/i18n.js';
import { route, lazy } from '../../core/router.js';

addMessages({
  en: {
    'activity.dispute.raised': 'raised the dispute D{number} “{title}”',
    'activity.dispute.step': 'moved the dispute D{number} “{title}” to the next step',
    'activity.dispute.proposed': 'made proposal {proposal} in the dispute D{number} “{title}”',
    'activity.dispute.answered': 'answered proposal {proposal} in the dispute D{number} “{title}”',
    'activity.dispute.withdrawn': 'withdrew proposal {proposal} in the dispute D{number} “{title}”',
    'activity.dispute.resolved': 'completed the resolution of the dispute D{number} “{title}”',
  },
  id: {
    'activity.dispute.raised': 'mengajukan sengketa D{number} “{title}”',
    'activity.dispute.step': 'memindahkan sengketa D{number} “{title}” ke tahap berikutnya',
    'activity.dispute.proposed': 'mengajukan usulan {proposal} dalam sengketa D{number} “{title}”',
    'activity.dispute.answered': 'menanggapi usulan {proposal} dalam sengketa D{number} “{title}”',
    'activity.dispute.withdrawn': 'menarik kembali usulan {proposal} dalam sengketa D{number} “{title}”',
    'activity.dispute.resolved': 'menuntaskan penyelesaian sengketa D{number} “{title}”',
  },
});

export function registerDisputes() {
  route('/p/:pid/disputes', lazy(() => import('./disputes.js'), m => m.renderDisputes));
  route('/p/:pid/disputes/:disputeId', lazy(() => import('./dispute.js'), m => m.renderDispute));
}
