// Registers the agreements' words (activity sentences included) for pages that show agreement activity.
import { addMessages } from '../../core/i18n.js';
import { agreementMessages } from './i18n.js';

addMessages(agreementMessages);
