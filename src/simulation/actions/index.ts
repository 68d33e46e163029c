export { actionDone, actionProblem, actionRefused, type ActionResult, type PersonRef } from './actionResult.ts';
export { changeCountry, type ChangeCountryOptions } from './changeCountry.ts';
export { convertPerson } from './convertPerson.ts';
export { createCampaign } from './createCampaign.ts';
export { editPerson, type RepActionOptions } from './editPerson.ts';
export { recallPerson } from './recallPerson.ts';
export { setAccountBdr } from './setAccountBdr.ts';
export { setMemberStatus } from './setMemberStatus.ts';
export { setUserStatus, USER_STATUSES, type UserStatus } from './setUserStatus.ts';
