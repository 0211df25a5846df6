/** What the two bundled workflows know of each other: ids, names, the form's path and its modes. */
export const TEMPLATE_ID = 'mwwToFactuursturen1';
export const TEMPLATE_NAME = 'Mijnwebwinkel orders → Factuursturen sales invoices';
export const FORM_TEMPLATE_ID = 'mwwReprocessForm01';
/** The form's URL is <n8n>/form/<FORM_PATH> once the workflow is published (<n8n>/form-test/<FORM_PATH> while testing). */
export const FORM_PATH = 'mijnwebwinkel-reprocess';
/** The form's mode that reprocesses every problem the booking record still lists. */
export const REPROCESS_OPEN = 'reprocess open problems';
