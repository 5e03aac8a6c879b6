package org.hebergos.dockerlink.git;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.hebergos.dockerlink.container.ContainerRef;

/**
 * {@code v1/git}: git inside a container. {@code path} defaults to the container's working directory.
 * POST parameters may come in the query or as a form body.
 */
@Path("v1/git")
@RequestScoped
public class GitResource {

    private static final String TEXT = MediaType.TEXT_PLAIN + ";charset=UTF-8";

    @Inject
    GitService git;

    @GET
    @Produces(TEXT)
    public String fetch(@QueryParam("id") String id, @QueryParam("path") String path) {
        return git.fetch(ContainerRef.of(id), RepoPath.ofOptional(path));
    }

    @GET
    @Path("head")
    @Produces(TEXT)
    public String head(@QueryParam("id") String id, @QueryParam("path") String path) {
        return git.head(ContainerRef.of(id), RepoPath.ofOptional(path));
    }

    @GET
    @Path("branch")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> branches(@QueryParam("id") String id, @QueryParam("path") String path) {
        return git.branches(ContainerRef.of(id), RepoPath.ofOptional(path));
    }

    @POST
    @Path("branch")
    @Produces(TEXT)
    public String checkout(@QueryParam("id") String id, @QueryParam("path") String path, @QueryParam("branch") String branch) {
        ContainerRef container = ContainerRef.of(id);
        RepoPath repo = RepoPath.ofOptional(path);
        return git.checkout(container, repo, BranchName.of(branch));
    }
}
