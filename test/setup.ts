/**
 * Quiets dependency notices at their source, so that what a passing run
 * prints is the project's own (jest `setupFiles`: runs in each test file's
 * module registry, before the SDK's matchers load).
 */
import { IntegrationSchema } from '@jupiterone/data-model';

// The SDK runtime loads aws-sdk v2 (through @lifeomic/alpha, for Lambda
// invocations this integration never makes), whose end-of-support notice is
// printed once per test file unless this variable is set.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';

// The SDK's toMatchGraphObjectSchema merges a class's data-model schemas into
// one: Finding's `category` (a string or an array) lands under RecordEntity's
// `type: 'string'`, which ajv's strictTypes rule logs on every compile. The
// data model already turns strictSchema off on this instance for its loose
// keywords; strictTypes only logs, so validation itself is unchanged.
IntegrationSchema.opts.strictTypes = false;
