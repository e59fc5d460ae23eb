import { Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useClient } from 'urql';
import { useAuth } from '../auth/AuthProvider';
import { selectOnlyTenant } from '../auth/onlyTenant';
import { ErrorAlert } from '../components/ErrorAlert';
import { describeError } from '../errors';
import { graphql } from '../gql';

export const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      refreshToken
      user {
        id
      }
    }
  }
`);

export const SignUpDocument = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      refreshToken
      user {
        id
      }
    }
  }
`);

/** Where to go after signing in: only a path on this site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function AuthForm({ mode }: { mode: 'signin' | 'signup' }) {
  const client = useClient();
  const { manager } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = error ? describeError(error).fields : {};
  const heading = mode === 'signin' ? 'Sign in to Trellis' : 'Create your Trellis account';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let issued: { accessToken: string; refreshToken: string } | undefined;
      if (mode === 'signin') {
        const result = await client.mutation(SignInDocument, { input: { email, password } }).toPromise();
        if (result.error) throw result.error;
        issued = result.data?.signIn;
      } else {
        const result = await client.mutation(SignUpDocument, { input: { email, password, name } }).toPromise();
        if (result.error) throw result.error;
        issued = result.data?.signUp;
      }
      if (!issued) throw new Error('the server issued no token');
      // One tenant only: open the console in it rather than ask.
      const refreshToken = await selectOnlyTenant(client, issued.accessToken, issued.refreshToken);
      // The refresh token goes to the HttpOnly cookie and is forgotten here.
      await manager.adopt(refreshToken);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const otherLink = `${mode === 'signin' ? '/signup' : '/signin'}${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`;
  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} ta="center" mb="lg">
        {heading}
      </Title>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate aria-label={heading}>
        <Stack>
          {mode === 'signup' && (
            <TextInput label="Name" autoComplete="name" required value={name} error={fields.name} onChange={(e) => setName(e.currentTarget.value)} />
          )}
          <TextInput label="Email" type="email" autoComplete="email" required value={email} error={fields.email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput
            label="Password"
            autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
            description={mode === 'signup' ? '8 to 128 characters' : undefined}
            required
            value={password}
            error={fields.password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <ErrorAlert error={error} title={mode === 'signin' ? 'Could not sign in' : 'Could not create the account'} />
          <Button type="submit" loading={busy}>
            {mode === 'signin' ? 'Sign in' : 'Create account'}
          </Button>
        </Stack>
      </Paper>
      <Text ta="center" mt="md" size="sm">
        {mode === 'signin' ? 'No account yet? ' : 'Already have an account? '}
        <Anchor component={Link} to={otherLink}>
          {mode === 'signin' ? 'Create one' : 'Sign in'}
        </Anchor>
      </Text>
    </Container>
  );
}

export function SignInPage() {
  return <AuthForm mode="signin" />;
}

export function SignUpPage() {
  return <AuthForm mode="signup" />;
}
