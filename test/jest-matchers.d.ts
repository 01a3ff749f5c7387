// Brings the SDK's custom matchers (toMatchGraphObjectSchema, toMatchStepMetadata…)
// into the type-checker; jest registers them through the dev-tools setup file.
import '@jupiterone/integration-sdk-testing';
