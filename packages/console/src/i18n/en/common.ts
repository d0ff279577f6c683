import type { CommonMessages } from '../zh/common';

// English texts: sign-in, navigation, problems and shared words; keys follow `zh/common.ts`.
export const common: CommonMessages = {
  'app.name': '反诈 fanzha',
  'app.tagline': 'Anti-fraud center workbench',
  'app.loading': 'Loading…',

  'lang.switch': 'Language',
  'lang.zh': '中文',
  'lang.en': 'English',

  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.usernameRequired': 'Enter your username',
  'login.passwordRequired': 'Enter your password',
  'login.footer': 'Authorised personnel only. Every action is recorded in the audit log.',

  'problem.invalid_credentials': 'Wrong username or password',
  'problem.too_many_attempts': 'Too many sign-in attempts, try again later',
  'problem.forbidden': 'You are not allowed to do this',
  'problem.unauthenticated': 'Your session has ended, sign in again',
  'problem.username_taken': 'This username is already taken',
  'problem.unit_not_found': 'Unit not found or outside your jurisdiction',
  'problem.not_found': 'Record not found or outside your jurisdiction',
  'problem.user_not_found': 'User not found or outside your jurisdiction',
  'problem.rate_limited': 'Too many requests, try again later',
  'problem.validation_failed': 'Some fields are invalid, check and try again',
  'problem.network_error': 'Cannot reach the server, check the network and try again',
  'problem.unknown': 'Request failed ({status})',

  'common.retry': 'Retry',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.create': 'Create',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.all': 'All',
  'common.none': '—',
  'common.loadFailed': 'Failed to load',
  'common.total': '{total} in total',
  'common.edit': 'Edit',
  'common.saved': 'Saved',

  'user.menu.logout': 'Sign out',
  'user.loggedOut': 'Signed out',

  'role.admin': 'Admin',
  'role.analyst': 'Analyst',
  'role.officer': 'Officer',
  'role.auditor': 'Auditor',

  'level.province': 'Province',
  'level.city': 'City',
  'level.county': 'County',
  'level.station': 'Station',

  'nav.home': 'Workbench',
  'nav.intercept': 'Intercept',
  'nav.warnings': 'Warnings',
  'nav.cases': 'Cases',
  'nav.clues': 'Clues',
  'nav.analysis': 'Analysis',
  'nav.stats': 'Statistics',
  'nav.system': 'System',
  'nav.units': 'Units',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',

  'coming.tag': 'Coming',
  'coming.back': 'Back to workbench',
  'coming.intercept':
    'Block fraud calls, SMS, domains and payee accounts; every block states its grounds and can be appealed.',
  'coming.warnings':
    'Combine call, SMS, visit and transfer signals into red / orange / yellow warnings, dispatched with deadlines for dissuasion.',
  'coming.cases':
    'Register cases with the numbers, accounts, domains and apps involved; every footprint becomes intelligence at once.',
  'coming.clues':
    'Dispatch clues down the unit tree and collect feedback (verified, arrested, not found); cross-border clues go to their owner.',
  'coming.analysis':
    'Follow money and account chains to connected gangs and the card-trade chains behind them.',
  'coming.stats':
    'Cases, losses, losses avoided, interceptions and warnings by unit, period and fraud type, year on year and period on period.',

  'home.greeting': 'Hello, {name}',
  'home.unitLine': '{unit} ({code}) · {roles}',
  'home.shortcuts': 'Shortcuts',
  'home.capabilities': 'Capabilities',
  'home.capabilitiesHint': 'Those marked “coming” are being built; they will open from here.',
  'home.open': 'Open',
  'home.units.desc': 'Your unit and all units below it',
  'home.users.desc': 'Manage user accounts and roles in your jurisdiction',
  'home.audit.desc': 'Sign-ins, changes and personal data views',

  'problem.conflict': 'This conflicts with an existing record (it may exist already or have been handled)',
  'problem.payload_too_large': 'Too much at once: split it up or use an import',
  'problem.unsupported_media_type': 'This file format is not supported',
  'problem.invalid_json': 'The request is not valid JSON',

  'nav.intel.entries': 'Entries',
  'nav.intel.lists': 'Lists',
  'nav.intel.screen': 'Screening tester',
  'nav.intel.imports': 'Import & export',
  'nav.intel.appeals': 'Appeals',
  'nav.apiKeys': 'API keys',

  'home.available': 'Available',
  'home.intercept.desc':
    'Lists and entries, the screening tester ("why is this blocked?"), bulk import and export, appeals.',
  'home.intel.screen.desc': 'Why is a number, domain, URL or account blocked?',
  'home.intel.entries.desc': 'Search listed values with their source, grounds and history',
  'home.apiKeys.desc': 'Issue and revoke API keys for carriers, banks and other partners',

  'nav.intel.domainWatch': 'New domains',
  'nav.intel.callerReview': 'Caller review',
  'forbidden.title': 'No access',
  'forbidden.subtitle': 'Your roles cannot open this page.',
  'notFound.title': 'Page not found',
  'notFound.subtitle': 'Check the address or use the navigation on the left.',
};
