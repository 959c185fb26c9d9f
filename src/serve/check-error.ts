/** The refusals of a check that the page shows as they are, with the HTTP status they answer with. */
import type { Localized } from '../messages.js';

/** A refusal the page shows as it is (an unreadable upload, an empty draft, a zip bomb). */
export class DraftError extends Error {
  constructor(readonly localized: Localized, readonly status = 422) {
    super(localized.en);
    this.name = 'DraftError';
  }
}
