// Cognito User Pools pre sign-up trigger: only company addresses may sign
// up, and they are confirmed automatically. The trigger returns the event.
const ALLOWED_DOMAIN = 'example.com';

export const handler = async (event) => {
  if (event.triggerSource !== 'PreSignUp_SignUp') return event;
  const email = event.request.userAttributes.email ?? '';
  const domain = email.split('@')[1]?.toLowerCase();
  if (domain !== ALLOWED_DOMAIN) {
    // Cognito shows this message to the user, prefixed with "PreSignUp failed with error".
    throw new Error(`Sign-up is limited to @${ALLOWED_DOMAIN} addresses`);
  }
  event.response.autoConfirmUser = true;
  event.response.autoVerifyEmail = true;
  console.log(`Auto-confirmed ${event.userName} in ${event.userPoolId}`);
  return event;
};
