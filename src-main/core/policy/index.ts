/** The policy engine: pure functions over plain data (ARCHITECTURE.md §3). No I/O, no clock reads. */
export { addDays } from '../../../shared/dates';
export {
  contactAccess,
  contractGrant,
  contractPhase,
  contractWindows,
  grantStrength,
  groupContractsByContact,
  isBetterAccess,
} from './access';
export { individualShareAllowed, inviteEligibility, nextAccessDay } from './invite';
export { contractInScope, resolveRoleShare } from './share';
export { seatUsage, settingsImpact } from './seats';
