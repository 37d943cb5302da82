package languagehost

import (
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Exit code with which a program's runner says "the error was already shown" (@pulumi/pulumi's
// run script, and upstream's Python runner: pythonProcessExitedAfterShowingUserActionableMessage).
const exitCodeAlreadyReported = 32

// Programs are the programs a host is running, which StopPrograms kills.
type Programs struct {
	mu      sync.Mutex
	running map[*exec.Cmd]struct{}
}

// StopPrograms kills the programs this host is running.
func (p *Programs) StopPrograms() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for cmd := range p.running {
		if cmd.Process != nil {
			_ = cmd.Process.Kill()
		}
	}
}

// RunProgram starts cmd and waits until it ends, keeping it among the running programs meanwhile, and
// answers the engine as upstream's hosts do: nothing for exit code 0, Bail for exit code 32 (the
// program showed its error already), an error otherwise. what names the runner in a failure to
// run it ("could not run <what>: …"); exited is the message of another exit code, a format with
// one %d.
func (p *Programs) RunProgram(cmd *exec.Cmd, what, exited string) *pulumirpc.RunResponse {
	if err := cmd.Start(); err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run %s: %v", what, err)}
	}
	p.mu.Lock()
	if p.running == nil {
		p.running = map[*exec.Cmd]struct{}{}
	}
	p.running[cmd] = struct{}{}
	p.mu.Unlock()
	err := cmd.Wait()
	p.mu.Lock()
	delete(p.running, cmd)
	p.mu.Unlock()
	if err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			if exitErr.ExitCode() == exitCodeAlreadyReported {
				return &pulumirpc.RunResponse{Bail: true}
			}
			return &pulumirpc.RunResponse{Error: fmt.Sprintf(exited, exitErr.ExitCode())}
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run %s: %v", what, err)}
	}
	return &pulumirpc.RunResponse{}
}

// ConfigEnv is the run's config for a program's environment, as upstream's hosts pass it
// (constructConfig / constructConfigSecretKeys): PULUMI_CONFIG, the config as a JSON object — "{}"
// when there is none and emptyConfig is set (the Node.js run script expects an object), else left
// out — and PULUMI_CONFIG_SECRET_KEYS, the secret keys as a JSON array ("[]" when there are none).
func ConfigEnv(req *pulumirpc.RunRequest, emptyConfig bool) ([]string, error) {
	var env []string
	config := req.GetConfig()
	if config == nil && emptyConfig {
		config = map[string]string{}
	}
	if config != nil {
		raw, err := json.Marshal(config)
		if err != nil {
			return nil, err
		}
		env = append(env, "PULUMI_CONFIG="+string(raw))
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	raw, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	return append(env, "PULUMI_CONFIG_SECRET_KEYS="+string(raw)), nil
}
