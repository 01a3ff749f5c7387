module.exports = require('@jupiterone/integration-sdk-dev-tools/config/prettier');
