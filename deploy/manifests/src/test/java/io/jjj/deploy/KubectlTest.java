package io.jjj.deploy;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KubectlTest {

    @Test
    void readsTheKustomizeMajorVersionOfKubectlVersion() {
        assertEquals(Optional.of(5), Kubectl.kustomizeMajor("Client Version: v1.32.3\nKustomize Version: v5.5.0\n"));
        assertEquals(Optional.of(4), Kubectl.kustomizeMajor("Client Version: v1.24.0\nKustomize Version: v4.5.4\n"));
    }

    @Test
    void debiansKubectl120NamesNoKustomizeVersion() {
        assertEquals(Optional.empty(), Kubectl.kustomizeMajor(
                "Client Version: version.Info{Major:\"1\", Minor:\"20\", GitVersion:\"v1.20.15\"}\n"));
    }
}
